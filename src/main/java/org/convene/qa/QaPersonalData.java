package org.convene.qa;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.personal.PersonalDataTable;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Live Q&A's part of a person's data: the questions they asked, their votes and their replies. When the account
 * goes, questions and replies stay (a session's record stays whole) but show {@link QuestionView#FORMER_ATTENDEE}
 * (the question's marker is set by the database as the account's row goes, V33); votes are deleted with the account
 * and the questions keep their counts. Each question whose shown name changes is recorded as updated, so pages and
 * STOMP clients that have it open show the new name without reloading.
 */
@Component
class QaPersonalData implements PersonalDataSection {

    private final QaPersonalDataQueries queries;
    private final QaService qa;

    QaPersonalData(QaPersonalDataQueries queries, QaService qa) {
        this.queries = queries;
        this.qa = qa;
    }

    @Override
    public String name() {
        return "questions";
    }

    @Override
    public List<PersonalDataTable> exportFor(long userId) {
        return queries.tables(userId);
    }

    @Override
    public void forget(long userId) {
        List<QaPersonalDataQueries.Shown> shown = queries.namedQuestionsAndRepliedTo(userId);
        queries.renameReplies(userId);
        // the fan-out reads these after the commit, when the account's row and V33's marker have gone in with them
        for (QaPersonalDataQueries.Shown question : shown) {
            qa.record(question.sessionId(), QaEvent.UPDATED, question.questionId(), null,
                    question.state().isPublic() ? QaEvent.UPDATED : null);
        }
    }
}
