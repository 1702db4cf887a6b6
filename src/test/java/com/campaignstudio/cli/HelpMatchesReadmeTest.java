package com.campaignstudio.cli;

import com.campaignstudio.bench.BenchCases;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.importer.EntityKind;
import com.campaignstudio.segments.Feature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's command-line section and the commands' own help say the same: every command and option the README
 * names exists, every one that exists is named, and so are the benchmark cases.
 */
class HelpMatchesReadmeTest {

    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
    private static final Set<String> STANDARD = Set.of("--help", "--version");

    static String readme;
    static CommandLine commandLine;

    @BeforeAll
    static void read() throws Exception {
        readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        commandLine = new CommandLine(new CampaignStudioCommand());
    }

    @Test
    void theReadmeNamesEveryCommandAndNoOther() {
        Set<String> commands = new TreeSet<>();
        commandLine.getSubcommands().forEach((name, command) -> {
            commands.add(name);
            command.getSubcommands().keySet().forEach(sub -> commands.add(name + " " + sub));
        });
        assertEquals(commands, new TreeSet<>(readmeCommands().keySet()));
    }

    @Test
    void eachCommandsOptionsInTheReadmeAreThoseItsHelpLists() {
        readmeCommands().forEach((name, readmeOptions) -> {
            CommandLine command = command(name);
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            Set<String> helpOptions = command.getCommandSpec().options().stream().map(OptionSpec::longestName)
                    .filter(option -> option.startsWith("--") && !STANDARD.contains(option))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(helpOptions, readmeOptions, name + ": options in --help (left) and in the README (right)");
            helpOptions.forEach(option -> assertTrue(help.contains(option), name + " --help shows " + option));
        });
    }

    @Test
    void theBenchmarkCasesInTheReadmeAreThoseTheCommandRuns() {
        String table = between("**Benchmarks.**", "\n\nThe import cases");
        Set<String> documented = table.lines().filter(line -> line.startsWith("| `"))
                .flatMap(line -> quoted(line.split("\\|")[1]).stream()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(BenchCases.NAMES), documented);
        String help = commandLine.getSubcommands().get("bench").getUsageMessage(CommandLine.Help.Ansi.OFF)
                .replaceAll("\\s+", " ");
        assertTrue(help.contains(String.join(", ", BenchCases.NAMES)), help);
        assertEquals(String.join(" ", BenchCases.DEFAULT_RUN), BenchCommand.DEFAULT_CASES);
        assertTrue(readme.replaceAll("\\s+", " ").contains("without a case it runs `"
                + String.join("`, `", BenchCases.DEFAULT_RUN.subList(0, BenchCases.DEFAULT_RUN.size() - 1))
                + "` and `" + BenchCases.DEFAULT_RUN.getLast() + "`"), "the README's default cases");
    }

    @Test
    void theChoicesTheReadmeAndHelpSpellOutAreTheProgramsOwn() {
        assertEquals(Feature.DEFAULTS.stream().map(Feature::key).collect(Collectors.joining(",")),
                SegmentCommand.DEFAULT_FEATURES, "the default features --help names");
        assertTrue(synopsis().get("demo").contains("--size " + Arrays.stream(DemoSize.values())
                .map(size -> size.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("|"))));
        String kinds = between("`import --as` takes", ";");
        assertEquals(Arrays.stream(EntityKind.values()).map(EntityKind::cliName).collect(Collectors.toSet()),
                Set.copyOf(quoted(kinds)));
    }

    /** Each command of the README's synopsis block and the options it names. */
    private static Map<String, Set<String>> readmeCommands() {
        Map<String, Set<String>> commands = new LinkedHashMap<>();
        for (String name : synopsis().keySet()) {
            Set<String> options = new TreeSet<>();
            Matcher option = OPTION.matcher(synopsis().get(name));
            while (option.find()) {
                options.add(option.group());
            }
            options.removeAll(STANDARD);
            commands.put(name, options);
        }
        return commands;
    }

    /** A command by its name in the synopsis: "forecast", or "experiment size" for a command's own subcommand. */
    private static CommandLine command(String name) {
        CommandLine command = commandLine;
        for (String word : name.split(" ")) {
            command = command.getSubcommands().get(word);
        }
        return command;
    }

    /**
     * The README's synopsis, by command: a line starting "campaign-studio NAME" (or "campaign-studio NAME SUB" for
     * a command's subcommand) and the lines indented under it.
     */
    private static Map<String, String> synopsis() {
        String block = between("## Command line", "\n```\n\n");
        block = block.substring(block.indexOf("```\n") + 4);
        Map<String, String> commands = new LinkedHashMap<>();
        String current = null;
        for (String line : block.lines().toList()) {
            if (line.startsWith("campaign-studio ")) {
                String[] words = line.split("\\s+");
                current = words[1].startsWith("-") ? null : words[1];
                CommandLine parent = current == null ? null : commandLine.getSubcommands().get(current);
                if (parent != null && words.length > 2 && parent.getSubcommands().containsKey(words[2])) {
                    current = current + " " + words[2];
                }
                if (current != null) {
                    commands.put(current, line);
                }
            } else if (current != null && line.startsWith(" ")) {
                commands.merge(current, line, (a, b) -> a + "\n" + b);
            }
        }
        assertTrue(commands.size() > 5, "the README's synopsis block was found: " + commands.keySet());
        return commands;
    }

    /** The README from {@code start} up to the first {@code end} after it. */
    private static String between(String start, String end) {
        int from = readme.indexOf(start);
        assertTrue(from >= 0, "the README has " + start);
        int to = readme.indexOf(end, from + start.length());
        return readme.substring(from + start.length(), to < 0 ? readme.length() : to);
    }

    private static List<String> quoted(String text) {
        Matcher quoted = QUOTED.matcher(text);
        List<String> found = new ArrayList<>();
        while (quoted.find()) {
            found.add(quoted.group(1));
        }
        return found;
    }
}
