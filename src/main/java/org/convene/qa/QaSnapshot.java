package org.convene.qa;

import java.util.List;

/** The public questions of a session and the sequence number they are consistent with. */
public record QaSnapshot(long seq, List<QuestionView> questions) {
}
