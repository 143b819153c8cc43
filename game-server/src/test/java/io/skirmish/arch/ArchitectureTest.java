package io.skirmish.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The boundaries between the server's packages, pinned: the build fails when one is crossed. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // socketio-transport's test-jar (its conformance helpers), once packaged, is test code too
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.skirmish");
    /** Where games live: the SPI and every game. */
    private static final String[] GAME_CODE = {"io.skirmish.game..", "io.skirmish.arena..", "io.skirmish.tag.."};
    private static final String[] TRANSPORT = {"io.skirmish.net..", "io.skirmish.transport..", "io.netty..",
            "com.corundumstudio.."};
    /** This module's own classes, without the transport module's that are on the class path too. */
    private static final JavaClasses GAME_SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target/classes"));

    @Test
    void theGameServerUsesTheTransportOnlyThroughItsApi() {
        assertTrue(GAME_SERVER.contain("io.skirmish.net.SocketServer"), "the rule sees game-server's classes");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.corundumstudio..",
                        "io.skirmish.transport.engine..")
                .because("netty-socketio and the wire's internals stay behind socketio-transport's API "
                        + "(io.skirmish.transport, and the conformance server as a whole)")
                .check(GAME_SERVER);
    }

    @Test
    void onlyTheNetworkPackageAndTheCommandLineTalkToTheTransport() {
        noClasses().that().resideOutsideOfPackages("io.skirmish.net..", "io.skirmish.server..")
                .and().doNotHaveFullyQualifiedName("io.skirmish.ConformanceCommand")
                .should().dependOnClassesThat().resideInAPackage("io.skirmish.transport..")
                .because("rooms, games and the rest see connections as room.Connection")
                .check(GAME_SERVER);
    }

    @Test
    void gameCodeImportsNeitherRoomsNorTheNetworkNorNetty() {
        noClasses().that().resideInAnyPackage(GAME_CODE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.skirmish.room..", "io.skirmish.net..", "io.skirmish.server..", "io.netty..",
                        "com.corundumstudio..", "io.skirmish.transport..")
                .because("a game is its rules: rooms, sessions and the wire are the backend's")
                .check(MAIN);
    }

    @Test
    void roomsDoNotImportTheNetwork() {
        noClasses().that().resideInAPackage("io.skirmish.room..")
                .should().dependOnClassesThat().resideInAnyPackage(TRANSPORT)
                .because("rooms see connections only as room.Connection")
                .check(MAIN);
    }

    @Test
    void theGameLoopKnowsNothingOfRoomsOrGames() {
        noClasses().that().resideInAPackage("io.skirmish.loop..")
                .should().dependOnClassesThat().resideInAnyPackage("io.skirmish.room..", "io.skirmish.game..",
                        "io.skirmish.net..", "io.skirmish.transport..")
                .check(MAIN);
    }

    @Test
    void everyPackageSaysWhatItIsFor() {
        TreeSet<String> missing = new TreeSet<>();
        for (JavaClass c : MAIN) {
            String pkg = c.getPackageName();
            if (MAIN.stream().noneMatch(k -> k.getName().equals(pkg + ".package-info"))) missing.add(pkg);
        }
        assertEquals(new TreeSet<>(), missing, "packages without package-info.java");
    }

    @Test
    void noSourceFileIsOver500Lines() throws IOException {
        Path root = Path.of("src/main/java");
        List<String> big;
        try (Stream<Path> files = Files.walk(root)) {
            big = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> lines(p) > 500)
                    .map(p -> p + " (" + lines(p) + ")").toList();
        }
        assertEquals(List.of(), big, "one concern per class, none over 500 lines");
    }

    @Test
    void roomReadsAsTheCoordinatorOfItsParts() {
        long n = lines(Path.of("src/main/java/io/skirmish/room/Room.java"));
        assertTrue(n <= 400, "Room coordinates its parts in at most 400 lines (issue 14); it has " + n);
    }

    private static long lines(Path p) {
        try (Stream<String> l = Files.lines(p)) {
            return l.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
