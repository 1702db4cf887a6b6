package com.campaignstudio.cli;

import com.campaignstudio.AppInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The command-line face of Campaign Studio, for scripted and offline batch work. */
@Command(name = "campaign-studio", mixinStandardHelpOptions = true,
        versionProvider = CampaignStudioCommand.Version.class,
        description = "Campaign Studio: analytics and simulation for creators who sell paid knowledge products.%n"
                + "Run without a command to open the application window.",
        subcommands = {DemoCommand.class, ImportCommand.class, HistoryCommand.class, BackupsCommand.class,
                RestoreCommand.class, StatsCommand.class, SegmentCommand.class, LtvCommand.class, ForecastCommand.class,
                FunnelCommand.class, RetentionCommand.class, LiveCommand.class, DriversCommand.class, ExperimentCommand.class,
                BasketCommand.class, PortraitCommand.class, ScheduleCommand.class, BudgetCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
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
        commandLine.registerConverter(LocalDate.class, CampaignStudioCommand::day);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("error: " + CommandFailure.oneLine(exception));
            return 1;
        });
        // Picocli would print the whole usage after the message; one line says what is wrong and where to look.
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine line = exception.getCommandLine();
            line.getErr().println("error: " + CommandFailure.oneLine(exception) + " (the options: "
                    + line.getCommandSpec().qualifiedName() + " --help)");
            return line.getCommandSpec().exitCodeOnInvalidInput();
        });
        return commandLine.execute(args);
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a day written as yyyy-MM-dd");
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{AppInfo.NAME + " " + AppInfo.version()};
        }
    }
}
