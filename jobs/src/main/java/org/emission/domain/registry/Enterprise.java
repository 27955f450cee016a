package org.emission.domain.registry;

import java.io.Serializable;

/**
 * An enterprise (企业), one row of {@code enterprises.csv}.
 *
 * @param park industrial park (园区), empty when none
 * @param sector the sector key that {@code sector:<sector>} limit rows refer to
 */
public record Enterprise(
    String id, String name, String region, String district, String park, String sector)
    implements Serializable {}
