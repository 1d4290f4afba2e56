package org.convene.account;

public class NoSuchUserException extends RuntimeException {

    public NoSuchUserException(long userId) {
        super("There is no account with id " + userId);
    }
}
