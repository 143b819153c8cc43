/** Operations: metrics in the Prometheus format. */
package io.skirmish.ops;
