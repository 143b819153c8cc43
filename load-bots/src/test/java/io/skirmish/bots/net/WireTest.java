package io.skirmish.bots.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WireTest {

    @Test
    void serverEventsAreCutOutOfTheirFrameUnparsed() {
        assertArrayEquals(new String[] {"snapshot", "{\"tick\":1,\"players\":[]}"},
                Wire.event("42[\"snapshot\",{\"tick\":1,\"players\":[]}]"));
        assertArrayEquals(new String[] {"room:kicked", "{\"reason\":\"kicked\"}"},
                Wire.event("42[\"room:kicked\",{\"reason\":\"kicked\"}]"));
    }

    @Test
    void everythingElseIsLeftToTheLibrary() {
        assertNull(Wire.event("2"), "engine.io ping");
        assertNull(Wire.event("40{\"sid\":\"x\"}"), "namespace connect");
        assertNull(Wire.event("431[{\"ok\":true}]"), "ack");
        assertNull(Wire.event("4212[\"x\",{}]"), "event that wants an ack");
        assertNull(Wire.event("42/admin,[\"x\",{}]"), "other namespace");
        assertNull(Wire.event("42[\"x\"]"), "event without payload");
        assertNull(Wire.event("42[\"a\\\"b\",{}]"), "escaped name");
    }
}
