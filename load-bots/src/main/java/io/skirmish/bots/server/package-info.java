/** What the bots read of the server under test: its Prometheus /metrics. */
package io.skirmish.bots.server;
