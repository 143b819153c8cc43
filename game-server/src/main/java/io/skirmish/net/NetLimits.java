package io.skirmish.net;

/**
 * The limits that bound what one client address (or the whole world) can make the server hold,
 * besides the session caps of {@link NetConfig}. Every one is a command-line flag; the defaults
 * let a few hundred bots connect from one address (load tests run from 127.0.0.1).
 *
 * @param requestTimeoutMs a connection must send each whole HTTP request (headers and body) this soon
 *     after the request's first byte (the first request: after connecting), else it is closed
 * @param maxTcpPerAddress open TCP connections from one address, enforced at accept before any parsing
 * @param maxPendingHandshakes Engine.IO sessions that have not connected to a namespace yet, in total
 * @param maxPendingHandshakesPerAddress the same, from one address
 * @param maxRoomsPerConnection live rooms created ({@code room:create}) by one connection
 * @param maxRoomsPerAddress live rooms created from one address
 * @param passwordChangesPerMinute room password changes one connection may make a minute
 * @param hashThreads threads hashing passwords (never a game thread)
 * @param hashQueue password hashes that may wait for a hashing thread; more are refused ({@code RATE_LIMITED})
 */
public record NetLimits(int requestTimeoutMs, int maxTcpPerAddress, int maxPendingHandshakes,
                        int maxPendingHandshakesPerAddress, int maxRoomsPerConnection, int maxRoomsPerAddress,
                        int passwordChangesPerMinute, int hashThreads, int hashQueue) {

    public NetLimits {
        if (requestTimeoutMs <= 0 || maxTcpPerAddress <= 0 || maxPendingHandshakes <= 0
                || maxPendingHandshakesPerAddress <= 0 || maxRoomsPerConnection <= 0 || maxRoomsPerAddress <= 0
                || passwordChangesPerMinute <= 0 || hashThreads <= 0 || hashQueue <= 0) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }

    public static NetLimits defaults() {
        return new NetLimits(10_000, 1_024, 2_048, 256, 3, 100, 10, 1, 64);
    }

    public NetLimits withRequestTimeoutMs(int ms) {
        return new NetLimits(ms, maxTcpPerAddress, maxPendingHandshakes, maxPendingHandshakesPerAddress,
                maxRoomsPerConnection, maxRoomsPerAddress, passwordChangesPerMinute, hashThreads, hashQueue);
    }

    public NetLimits withMaxTcpPerAddress(int n) {
        return new NetLimits(requestTimeoutMs, n, maxPendingHandshakes, maxPendingHandshakesPerAddress,
                maxRoomsPerConnection, maxRoomsPerAddress, passwordChangesPerMinute, hashThreads, hashQueue);
    }

    public NetLimits withPendingHandshakes(int total, int perAddress) {
        return new NetLimits(requestTimeoutMs, maxTcpPerAddress, total, perAddress,
                maxRoomsPerConnection, maxRoomsPerAddress, passwordChangesPerMinute, hashThreads, hashQueue);
    }

    public NetLimits withRooms(int perConnection, int perAddress) {
        return new NetLimits(requestTimeoutMs, maxTcpPerAddress, maxPendingHandshakes, maxPendingHandshakesPerAddress,
                perConnection, perAddress, passwordChangesPerMinute, hashThreads, hashQueue);
    }

    public NetLimits withPasswordChangesPerMinute(int n) {
        return new NetLimits(requestTimeoutMs, maxTcpPerAddress, maxPendingHandshakes, maxPendingHandshakesPerAddress,
                maxRoomsPerConnection, maxRoomsPerAddress, n, hashThreads, hashQueue);
    }

    public NetLimits withHashing(int threads, int queue) {
        return new NetLimits(requestTimeoutMs, maxTcpPerAddress, maxPendingHandshakes, maxPendingHandshakesPerAddress,
                maxRoomsPerConnection, maxRoomsPerAddress, passwordChangesPerMinute, threads, queue);
    }
}
