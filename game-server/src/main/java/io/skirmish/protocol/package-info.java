/** The wire protocol: event names, error codes, and validating decoding of client requests. */
package io.skirmish.protocol;
