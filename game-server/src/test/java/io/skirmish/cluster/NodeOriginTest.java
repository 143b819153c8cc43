package io.skirmish.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A node's public URL as a browser origin: what a page served by that node sends as {@code Origin}. */
class NodeOriginTest {
    @Test
    void theOriginOfAPublicUrlIsSchemeHostAndANonDefaultPort() {
        assertEquals("http://10.0.0.6:3000", ClusterNode.originOf("http://10.0.0.6:3000"));
        assertEquals("https://play.example.com", ClusterNode.originOf("https://Play.Example.com:443/node-b/"));
        assertEquals("http://play.example.com", ClusterNode.originOf("http://play.example.com:80"));
        assertEquals("https://play.example.com:8443", ClusterNode.originOf("https://play.example.com:8443/b"));
        assertEquals("", ClusterNode.originOf("not a url"));
        assertEquals("", ClusterNode.originOf("::"));
        assertEquals("", ClusterNode.originOf("javascript://x.example.com/"), "only http and https");
    }
}
