/**
 * From HJ 212 packets to minute records: 2051 minute packets as sent, minutes formed from 2011
 * real-time packets, the logger's own 2061/2031 aggregates, and the per-minute derived values
 * (reference-O2 conversion, NOx from NO and NO2, flow in m3/h, wastewater volume and mass).
 */
package org.emission.domain.cems;
