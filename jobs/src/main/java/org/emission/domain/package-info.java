/**
 * Domain rules of the emission-compliance job: plain Java records and pure functions, with no
 * Flink, Kafka or JDBC types, so that thin Flink operators can wrap them.
 *
 * <p>Sub-packages:
 *
 * <ul>
 *   <li>{@code registry} — reference data (enterprises, outlets, limits) loaded from CSV files.
 *   <li>{@code cems} — minute records from HJ 212 packets, oxygen correction, NOx, mass rate.
 *   <li>{@code aggregate} — hour and day values by HJ 75-2017 / HJ 212-2017 App. D validity, mass
 *       substitution, live running values.
 *   <li>{@code alert} — alert state machines (exceedance, early warning, data quality).
 *   <li>{@code pipeline} — one device's whole chain behind two calls, for a keyed operator.
 * </ul>
 *
 * <p>Time: HJ 212 times are China Standard Time (UTC+8); every hour, day, month and year here is a
 * clock period in UTC+8 ({@link org.emission.domain.Cst}).
 */
package org.emission.domain;
