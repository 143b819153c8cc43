package io.skirmish.server;

import io.skirmish.admin.AdminConfig;
import io.skirmish.net.NetConfig;
import io.skirmish.room.RoomConfig;
import io.skirmish.room.RoomManager;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a {@link SkirmishServer} is configured with.
 *
 * @param gameThreads how many game threads tick the rooms
 * @param drainTimeout on shutdown, how long to wait for rounds to finish before disconnecting everyone
 * @param admin the admin token and the flight recorder's settings
 */
public record ServerConfig(NetConfig net, RoomConfig rooms, RoomManager.GuessLimits guessLimits, int gameThreads,
                           Duration drainTimeout, AdminConfig admin) {

    public static ServerConfig defaults() {
        return new ServerConfig(NetConfig.defaults(), RoomConfig.defaults(), RoomManager.GuessLimits.defaults(),
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), Duration.ofSeconds(5),
                AdminConfig.defaults());
    }

    public ServerConfig withHost(String host) {
        return withNet(net.withAddress(host, net.port()));
    }

    public ServerConfig withPort(int port) {
        return withNet(net.withAddress(net.host(), port));
    }

    public ServerConfig withStaticDir(Path dir) {
        return withNet(net.withStaticDir(dir));
    }

    public ServerConfig withNet(NetConfig n) {
        return new ServerConfig(n, rooms, guessLimits, gameThreads, drainTimeout, admin);
    }

    public ServerConfig withRooms(RoomConfig r) {
        return new ServerConfig(net, r, guessLimits, gameThreads, drainTimeout, admin);
    }

    public ServerConfig withGuessLimits(RoomManager.GuessLimits g) {
        return new ServerConfig(net, rooms, g, gameThreads, drainTimeout, admin);
    }

    public ServerConfig withGameThreads(int n) {
        return new ServerConfig(net, rooms, guessLimits, n, drainTimeout, admin);
    }

    public ServerConfig withAdmin(AdminConfig a) {
        return new ServerConfig(net, rooms, guessLimits, gameThreads, drainTimeout, a);
    }

    public ServerConfig withDrainTimeout(Duration d) {
        return new ServerConfig(net, rooms, guessLimits, gameThreads, d, admin);
    }
}
