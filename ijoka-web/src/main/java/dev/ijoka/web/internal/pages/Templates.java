package dev.ijoka.web.internal.pages;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Thymeleaf on the class path templates in {@code dev/ijoka/web/templates/}. Templates write feature
 * text with {@code th:text} only, which escapes it: what an agent wrote is shown, never run.
 */
public final class Templates {

    private final TemplateEngine engine = new TemplateEngine();

    public Templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("dev/ijoka/web/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    public String page(String template, Map<String, Object> model) {
        return engine.process(template, new Context(Locale.ROOT, model));
    }

    /** Only the named fragment of a template, e.g. one Kanban card for a live update. */
    public String fragment(String template, String fragment, Map<String, Object> model) {
        return engine.process(template, Set.of(fragment), new Context(Locale.ROOT, model));
    }
}
