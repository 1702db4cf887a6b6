package com.campaignstudio.portrait;

import com.campaignstudio.demo.DemoGenerator;
import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.demo.PlantedTruth;
import com.campaignstudio.demo.PlantedTruth.Demographics;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.segments.FactsReader;
import com.campaignstudio.segments.Population;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationSettings;
import com.campaignstudio.segments.Segmenter;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The demo plants each segment's gender, age and region ({@link Demographics}); the portrait of each planted segment
 * recovers every planted share within four binomial standard errors (about 1 in 16,000 per check by chance), and the
 * TGI of superfans' women is the planted share over the audience's planted mixture.
 */
class DemoPortraitTest {

    @TempDir
    static Path folder;
    static Project project;
    static AudienceTable table;
    static List<BitSet> planted;
    static final PlantedTruth TRUTH = PlantedTruth.standard(DemoProjects.DEFAULT_SEED);
    /** The demo's regions in the order of the planted weights, as the portrait names them. */
    static final List<String> REGIONS = List.of("广东", "北京", "上海", "浙江", "江苏", "四川", "山东", "湖北", "福建",
            "河南", "湖南", "陕西");
    /** The demo's exported age bands, as the portrait bands them. */
    static final List<AgeBand> AGES = List.of(AgeBand.FROM_18_TO_23, AgeBand.FROM_24_TO_30, AgeBand.FROM_31_TO_40,
            AgeBand.FROM_41_TO_50, AgeBand.OVER_50);

    @BeforeAll
    static void generate() throws Exception {
        project = DemoProjects.create(ProjectLocations.under(folder.resolve("home")), folder.resolve("demo.campaign"),
                DemoSize.SMALL, DemoProjects.DEFAULT_SEED, Locale.ENGLISH, TaskContext.silent());
        table = new Audiences().of(project.database(), TaskContext.silent());
        planted = new ArrayList<>();
        for (int s = 0; s < TRUTH.segmentCount(); s++) {
            planted.add(new BitSet(table.followers()));
        }
        project.database().read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT follower_id, segment FROM "
                         + DemoGenerator.SEGMENT_TRUTH_TABLE)) {
                while (rs.next()) {
                    planted.get(rs.getInt(2)).set(table.indexOf(rs.getLong(1)));
                }
            }
            return null;
        });
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @Test
    void eachPlantedSegmentsGenderAgeAndRegionAreRecovered() {
        for (int s = 0; s < TRUTH.segmentCount(); s++) {
            Demographics people = TRUTH.segments().get(s).demographics();
            Portrait portrait = Portraits.of(table, planted.get(s));
            String name = TRUTH.segments().get(s).name();
            long n = portrait.followers();
            check(people.genderWeights(), 0, n, portrait.trait(Trait.GENDER).share("female"), name + " women");
            check(people.genderWeights(), 1, n, portrait.trait(Trait.GENDER).share("male"), name + " men");
            check(people.genderWeights(), 2, n, portrait.trait(Trait.GENDER).share("unknown"), name + " gender blank");
            for (int a = 0; a < AGES.size(); a++) {
                check(people.ageWeights(), a, n, portrait.trait(Trait.AGE).share(AGES.get(a).key()),
                        name + " " + PlantedTruth.AGE_BANDS.get(a));
            }
            check(people.ageWeights(), AGES.size(), n, portrait.trait(Trait.AGE).share("unknown"), name + " age blank");
            for (int r = 0; r < REGIONS.size(); r++) {
                check(people.regionWeights(), r, n, portrait.trait(Trait.REGION).share(REGIONS.get(r)),
                        name + " " + REGIONS.get(r));
            }
            check(people.regionWeights(), REGIONS.size(), n, portrait.trait(Trait.REGION).share("unknown"),
                    name + " region blank");
        }
    }

    @Test
    void superfansWomenIndexAsPlantedAgainstTheWholeAudience() {
        Portrait all = Portraits.of(table, Portraits.everyone(table));
        double audienceWomen = 0;
        for (int s = 0; s < TRUTH.segmentCount(); s++) {
            audienceWomen += planted.get(s).cardinality()
                    * Demographics.share(TRUTH.segments().get(s).demographics().genderWeights(), 0);
        }
        audienceWomen /= all.followers();
        double superfanWomen = Demographics.share(TRUTH.segments().getFirst().demographics().genderWeights(), 0);
        Portrait superfans = Portraits.of(table, planted.getFirst());
        IndexRow women = Portraits.index(superfans, all, Portraits.MIN_COUNT).stream()
                .filter(row -> row.trait() == Trait.GENDER && row.key().equals("female")).findFirst().orElseThrow();
        double expected = 100 * superfanWomen / audienceWomen;
        // The group's share dominates the error: the audience's share is of eight times as many people.
        double relativeError = Math.sqrt((1 - superfanWomen) / (superfanWomen * superfans.followers()));
        assertEquals(expected, women.index(), 4 * relativeError * expected, "planted TGI " + expected);
    }

    @Test
    void aSavedSegmentsPortraitIsOfItsMembersAndTheirGendersAsStored() throws Exception {
        Segmentation saved = new SegmentStore(project.database()).save(Segmenter.segment(
                new FactsReader(project.database()).read(Population.everyone(), TaskContext.silent()),
                SegmentationSettings.defaults("By value", 3), TaskContext.silent()));
        PortraitGroup.Segment first = new PortraitGroup.Segment(saved.id(), 0, saved.profiles().getFirst().name());
        PortraitResult result = new PortraitRun(project.database(), new Audiences())
                .run(List.of(PortraitGroup.inSegment(first)), TaskContext.silent());
        Portrait portrait = result.groups().getFirst().portrait();
        Set<Long> members = new HashSet<>();
        for (int i = 0; i < saved.followerIds().length; i++) {
            if (saved.segment()[i] == 0) {
                members.add(saved.followerIds()[i]);
            }
        }
        assertEquals(members.size(), portrait.followers());
        Map<String, Long> genders = new HashMap<>();
        project.database().read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id, gender FROM follower")) {
                while (rs.next()) {
                    if (members.contains(rs.getLong(1))) {
                        genders.merge(Gender.of(rs.getString(2)).key(), 1L, Long::sum);
                    }
                }
            }
            return null;
        });
        for (Share share : portrait.trait(Trait.GENDER).values()) {
            assertEquals(genders.getOrDefault(share.key(), 0L), share.count(), share.key());
        }
    }

    private static void check(double[] weights, int index, long n, double observed, String what) {
        double p = Demographics.share(weights, index);
        assertEquals(p, observed, 4 * Math.sqrt(p * (1 - p) / n), what);
    }
}
