package io.skirmish.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportPoliciesTest {
    private static ByteBuf buf(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    @Test
    void originPolicyAllowsNonBrowsersSameOriginLocalhostAndTheList() {
        OriginPolicy p = new OriginPolicy(List.of("https://play.example.com"));
        assertTrue(p.allows(null, "game.example.com:3000"), "no Origin: not a browser");
        assertTrue(p.allows("http://game.example.com:3000", "game.example.com:3000"), "same origin");
        assertTrue(p.allows("http://localhost:5173", "game.example.com:3000"));
        assertTrue(p.allows("http://127.0.0.1:8080", "game.example.com"));
        assertTrue(p.allows("https://PLAY.example.com", "game.example.com"));
        assertFalse(p.allows("https://evil.example.net", "game.example.com:3000"));
        assertFalse(p.allows("null", "game.example.com:3000"));
        assertTrue(new OriginPolicy(List.of("*")).allows("https://evil.example.net", "x"));
    }

    @Test
    void originPolicyAlsoAllowsTheOriginsOfTheClustersNodes() {
        OriginPolicy p = new OriginPolicy(List.of());
        assertFalse(p.allows("https://node-b.example.com", "node-a.example.com"));
        p.alsoAllow(() -> java.util.Set.of("https://node-b.example.com"));
        assertTrue(p.allows("https://NODE-B.example.com", "node-a.example.com"), "a node of the cluster");
        assertFalse(p.allows("https://evil.example.net", "node-a.example.com"), "still nobody else");
    }

    @Test
    void thePagesPolicyLetsItConnectToTheClustersNodesOnly() {
        assertEquals(HttpHandler.CONTENT_SECURITY_POLICY, HttpHandler.contentSecurityPolicy(List.of()));
        String csp = HttpHandler.contentSecurityPolicy(List.of("http://10.0.0.6:3000", "https://b.example.com",
                "https://x.example.com; script-src *"));
        assertTrue(csp.contains("connect-src 'self' http://10.0.0.6:3000 ws://10.0.0.6:3000 https://b.example.com "
                + "wss://b.example.com;"), csp);
        assertFalse(csp.contains("script-src *"), "nothing that is not an origin gets in: " + csp);
        assertTrue(csp.contains("script-src 'self'"), csp);
    }

    @Test
    void connectionLimitsCapPerAddressAndInTotal() {
        ConnectionLimits l = new ConnectionLimits(5, 3);
        for (int i = 0; i < 3; i++) {
            assertNull(l.refusal("10.0.0.1"));
            l.opened("10.0.0.1");
        }
        assertNotNull(l.refusal("10.0.0.1"));
        assertNull(l.refusal("10.0.0.2"));
        l.opened("10.0.0.2");
        l.opened("10.0.0.3");
        assertNotNull(l.refusal("10.0.0.4"), "total cap");
        l.closed("10.0.0.1");
        assertNull(l.refusal("10.0.0.1"));
        assertEquals(2, l.from("10.0.0.1"));
    }

    @Test
    void packetGuardCountsMessagesButNotHeartbeats() {
        assertEquals(1, PacketGuard.countMessages(buf("42[\"input\",{}]")));
        assertEquals(0, PacketGuard.countMessages(buf("3")));
        assertEquals(3, PacketGuard.countMessages(buf("42[\"a\"]\u001e3\u001e42[\"b\"]\u001e40")));
        assertEquals(1, PacketGuard.countMessages(buf("\u0000\u00ff junk")));
    }

    @Test
    void packetGuardReadsEventNamesCheaply() {
        assertEquals("input", PacketGuard.eventName(buf("42[\"input\",{\"seq\":1}]")));
        assertEquals("room:join", PacketGuard.eventName(buf("4217[\"room:join\",{}]")));
        assertEquals("x", PacketGuard.eventName(buf("42/custom,5[\"x\"]")));
        assertNull(PacketGuard.eventName(buf("40")));
        assertNull(PacketGuard.eventName(buf("43[1]")));
        assertEquals("", PacketGuard.eventName(buf("42[\"" + "a".repeat(500) + "\"]")), "too long: unknown");
    }
}
