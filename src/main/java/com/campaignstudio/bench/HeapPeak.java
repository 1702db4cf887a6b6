package com.campaignstudio.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest heap use of this JVM since the last reset, sampled every 20 ms by a daemon thread. (Summing
 * the peaks of the separate heap pools, as a first version did, overstates it: the pools peak at
 * different times.)
 */
public final class HeapPeak {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final AtomicLong PEAK = new AtomicLong();

    static {
        Thread sampler = new Thread(HeapPeak::sample, "heap-peak-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private HeapPeak() {
    }

    public static void reset() {
        System.gc();
        PEAK.set(used());
    }

    public static long megabytes() {
        PEAK.accumulateAndGet(used(), Math::max);
        return PEAK.get() / (1024 * 1024);
    }

    private static void sample() {
        while (true) {
            PEAK.accumulateAndGet(used(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long used() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
