package dev.ijoka.store.contract;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.Session;
import dev.ijoka.event.Event;
import dev.ijoka.spi.StoreReader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a store answers about some projects, for comparing a store before and after a
 * transaction. Dependencies are a set: their order is not part of the contract.
 */
record StoreSnapshot(
        Set<Project> projects,
        Map<ProjectId, List<Feature>> features,
        Map<ProjectId, Set<Dependency>> dependencies,
        Map<ProjectId, List<Session>> sessions,
        Map<ProjectId, List<Insight>> insights,
        Map<ProjectId, List<Rule>> rules,
        long lastSequence,
        List<Event> events) {

    static StoreSnapshot of(StoreReader r, List<ProjectId> projects) {
        Map<ProjectId, List<Feature>> features = new LinkedHashMap<>();
        Map<ProjectId, Set<Dependency>> dependencies = new LinkedHashMap<>();
        Map<ProjectId, List<Session>> sessions = new LinkedHashMap<>();
        Map<ProjectId, List<Insight>> insights = new LinkedHashMap<>();
        Map<ProjectId, List<Rule>> rules = new LinkedHashMap<>();
        for (ProjectId p : projects) {
            features.put(p, r.features(p));
            dependencies.put(p, new HashSet<>(r.dependencies(p)));
            sessions.put(p, r.sessions(p));
            insights.put(p, r.insights(p));
            rules.put(p, r.rules(p));
        }
        return new StoreSnapshot(new HashSet<>(r.projects()), features, dependencies, sessions, insights, rules,
                r.lastSequence(), r.eventsAfter(0, 1_000));
    }
}
