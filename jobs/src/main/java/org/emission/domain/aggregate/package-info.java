/**
 * Hour and day values from minute records by the validity rules of HJ 75-2017 and HJ 212-2017 App.
 * D, emission substitution for invalid hours, and live running values.
 */
package org.emission.domain.aggregate;
