package dev.ijoka.swing.internal.link;

import java.io.Serial;

/**
 * A link that is not a well-formed {@code ijoka://} link. The message says what is wrong and what a good link
 * looks like; it is shown to the user as is.
 */
public final class MalformedLinkException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    MalformedLinkException(String what) {
        super(what + ". " + DeepLink.GOOD_LINKS);
    }
}
