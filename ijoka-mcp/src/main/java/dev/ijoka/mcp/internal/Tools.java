package dev.ijoka.mcp.internal;

import java.util.ArrayList;
import java.util.List;

/** Every tool, in the order {@code tools/list} shows them (DESIGN.md §4). */
public final class Tools {

    private Tools() {}

    public static List<ToolDef> all() {
        List<ToolDef> all = new ArrayList<>();
        all.addAll(ReadTools.all());
        all.addAll(EditTools.all());
        all.addAll(WorkTools.all());
        all.addAll(EditTools.dependencyTools());
        all.add(WorkTools.checkStep());
        all.addAll(InsightTools.all());
        return List.copyOf(all);
    }
}
