package io.skirmish.guide;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/writing-a-game.md shows only code that is here, compiled and tested: the guide cannot rot. */
class WritingAGameDocTest {
    private static final Path DIR = Path.of("src/test/java/io/skirmish/guide");

    @Test
    void everyCodeBlockOfTheGuideIsCodeThatTheBuildCompilesAndTests() throws IOException {
        String doc = Files.readString(Path.of("../docs/writing-a-game.md"));
        String code = normalise(Files.readString(DIR.resolve("FirstToTen.java")) + "\n"
                + Files.readString(DIR.resolve("FirstToTenTest.java")));
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<String> blocks = new ArrayList<>();
        while (m.find()) blocks.add(m.group(1));
        assertTrue(blocks.size() >= 6, "the guide shows the game: " + blocks.size() + " blocks");
        for (String block : blocks) {
            assertTrue(code.contains(normalise(block)), "not in the guide's sources:\n" + block);
        }
    }

    /** Each line stripped: indentation differs between a file and a code block. */
    private static String normalise(String s) {
        return s.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
