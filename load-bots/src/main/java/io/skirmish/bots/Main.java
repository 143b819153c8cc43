package io.skirmish.bots;

import picocli.CommandLine;

/** The load-bots.jar entry point. Exit code: 0 pass, 1 fail, 2 usage error. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Exit explicitly: the socket.io client leaves non-daemon threads behind.
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new LoadBotsCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
