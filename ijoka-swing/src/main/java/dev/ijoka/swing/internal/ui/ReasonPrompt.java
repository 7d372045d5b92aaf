package dev.ijoka.swing.internal.ui;

import java.awt.Component;
import javax.swing.JOptionPane;
import org.jspecify.annotations.Nullable;

/** Asks a person why (blocking, reopening): a dialog in the app, an answer given in advance in tests. */
@FunctionalInterface
public interface ReasonPrompt {

    /** The reason typed, or {@code null} if the person cancelled. Called on the event-dispatch thread. */
    @Nullable String ask(Component parent, String question);

    /** The app's prompt: a modal input dialog. */
    ReasonPrompt DIALOG = (parent, question) -> {
        String answer = JOptionPane.showInputDialog(parent, question, "Ijoka", JOptionPane.QUESTION_MESSAGE);
        return answer == null ? null : answer;
    };
}
