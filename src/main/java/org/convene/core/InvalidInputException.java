package org.convene.core;

/** Input a person or script sent that cannot be used; the message says what to change. Code {@code INVALID}. */
public class InvalidInputException extends IllegalArgumentException implements CodedProblem {

    public InvalidInputException(String message) {
        super(message);
    }

    @Override
    public String problemCode() {
        return "INVALID";
    }

    @Override
    public Kind problemKind() {
        return Kind.INVALID;
    }
}
