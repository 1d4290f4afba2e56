package org.convene.qa;

import java.util.Set;

/**
 * The reader's own part of a session's Q&A panel.
 *
 * @param userId  the signed-in person, or 0 when nobody is signed in
 * @param myVotes the questions they had up-voted when the page opened
 */
public record QaViewer(long userId, Set<Long> myVotes, boolean canModerate) {

    public static final QaViewer ANONYMOUS = new QaViewer(0, Set.of(), false);

    public QaViewer {
        myVotes = Set.copyOf(myVotes);
    }

    public boolean signedIn() {
        return userId != 0;
    }
}
