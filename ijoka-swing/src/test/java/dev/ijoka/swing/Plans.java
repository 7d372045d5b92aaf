package dev.ijoka.swing;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.SessionId;
import java.util.List;

/** A small shop's plan, with something in every column: what the window tests and screenshots show. */
public record Plans(Feature catalogue, Feature cart, Feature checkout, Feature payment, Feature search, Feature docs) {

    public static Plans shop(Ijoka ijoka, ProjectId project) {
        var f = ijoka.features();
        Feature catalogue = f.create(project, NewFeature.of("Visitor can browse the catalogue", Category.FUNCTIONAL)
                .withDetails("Products listed by category with a picture, the price and stock.").withPriority(5)
                .withSteps("Open the home page", "See at least one product"));
        Feature cart = f.create(project, NewFeature.of("Visitor can add a product to the cart", Category.FUNCTIONAL)
                .withDetails("The cart keeps its products across pages and shows the count in the header.")
                .withPriority(4).withSteps("Click Add", "The cart shows 1", "Reload: the cart still shows 1"));
        Feature checkout = f.create(project, NewFeature.of("Visitor can check out", Category.FUNCTIONAL)
                .withDetails("Address, shipping and a summary before paying.").withPriority(3).withSteps("Enter an address"));
        Feature payment = f.create(project, NewFeature.of("Card payments through the provider", Category.SECURITY)
                .withDetails("Card data never touches our servers.").withPriority(2));
        Feature search = f.create(project, NewFeature.of("Search suggests products as you type", Category.UI).withPriority(1));
        Feature docs = f.create(project, NewFeature.of("Document the API for partners", Category.DOCUMENTATION));
        ijoka.dependencies().add(cart.id(), catalogue.id(), DependencyKind.BLOCKS, null);
        ijoka.dependencies().add(checkout.id(), cart.id(), DependencyKind.BLOCKS, null);
        ijoka.dependencies().add(payment.id(), checkout.id(), DependencyKind.BLOCKS, null);

        f.start(catalogue.id(), null);
        f.checkStep(catalogue.id(), 0, true, null);
        f.checkStep(catalogue.id(), 1, true, null);
        f.complete(catalogue.id(), null);
        SessionId agent = new SessionId("0197c0de-agent-session");
        ijoka.sessions().start(project, agent, "claude-code");
        f.start(cart.id(), agent);
        f.checkStep(cart.id(), 0, true, agent);
        f.block(docs.id(), null, "waiting for the partners' list of endpoints", null);
        return new Plans(f.get(catalogue.id()), f.get(cart.id()), f.get(checkout.id()), f.get(payment.id()),
                f.get(search.id()), f.get(docs.id()));
    }

    public List<Feature> all() {
        return List.of(catalogue, cart, checkout, payment, search, docs);
    }
}
