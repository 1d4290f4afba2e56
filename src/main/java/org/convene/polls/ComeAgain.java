package org.convene.polls;

/** "Would you come to a session like this again?" */
public enum ComeAgain {
    YES("Yes"), PARTLY("Maybe"), NO("No");

    private final String label;

    ComeAgain(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
