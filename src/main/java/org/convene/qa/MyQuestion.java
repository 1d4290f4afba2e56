package org.convene.qa;

/** One of my own questions, whatever its state, with the reason if a facilitator dismissed it. */
public record MyQuestion(QuestionView question) {

    public boolean waitingForApproval() {
        return question.state() == QuestionState.PENDING;
    }

    public boolean dismissed() {
        return question.state() == QuestionState.DISMISSED;
    }
}
