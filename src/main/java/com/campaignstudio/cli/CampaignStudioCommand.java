package com.campaignstudio.cli;

import com.campaignstudio.AppInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The command-line face of Campaign Studio, for scripted and offline batch work. */
@Command(name = "campaign-studio", mixinStandardHelpOptions = true,
        versionProvider = CampaignStudioCommand.Version.class,
        description = "Campaign Studio: analytics and simulation for creators who sell paid knowledge products.%n"
                + "Run without a command to open the application window.",
        subcommands = {DemoCommand.class, ImportCommand.class, HistoryCommand.class, BackupsCommand.class, RestoreCommand.class, StatsCommand.class, SegmentCommand.class, LtvCommand.class, ForecastCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class CampaignStudioCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a command and returns its exit code; failures print one line on stderr. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new CampaignStudioCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("error: " + CommandFailure.oneLine(exception));
            return 1;
        });
        return commandLine.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{AppInfo.NAME + " " + AppInfo.version()};
        }
    }
}
