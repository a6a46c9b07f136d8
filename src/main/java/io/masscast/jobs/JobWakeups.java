package io.masscast.jobs;

import io.masscast.core.port.WorkSignal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The database's {@link WorkSignal}, passed on to the running jobs that do that work ({@link Job#wakesOn()}), so
 * that an approved campaign leaves and a card changes at once rather than at the next poll. Jobs listen from the
 * moment they start; a signal nobody listens to is dropped, as the jobs' polling finds that work anyway.
 */
public final class JobWakeups implements WorkSignal {
    private final Map<Work, List<Runnable>> listeners = new ConcurrentHashMap<>();

    void listen(Work work, Runnable wake) {
        listeners.computeIfAbsent(work, w -> new CopyOnWriteArrayList<>()).add(wake);
    }

    @Override
    public void committed(Work work) {
        listeners.getOrDefault(work, List.of()).forEach(Runnable::run);
    }
}
