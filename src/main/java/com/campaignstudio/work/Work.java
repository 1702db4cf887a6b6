package com.campaignstudio.work;

/** A unit of long-running work that reports through a {@link TaskContext}. */
@FunctionalInterface
public interface Work<T> {
    T run(TaskContext context) throws Exception;
}
