/**
 * Reference data (the registry): enterprises, outlets and limits from plain CSV files that a bureau
 * edits in a spreadsheet; see {@link org.emission.domain.registry.RegistryLoader} for the exact
 * file formats.
 */
package org.emission.domain.registry;
