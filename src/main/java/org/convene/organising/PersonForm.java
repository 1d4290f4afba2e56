package org.convene.organising;

import org.jspecify.annotations.Nullable;

/**
 * A person (speaker, facilitator) as the organiser's form describes them. The account email, when given, links
 * the person to an existing Convene account so that they can moderate the sessions they facilitate.
 */
public record PersonForm(@Nullable String name, @Nullable String organisation, @Nullable String bio,
                         @Nullable String accountEmail) {

    public static final String NAME = "name";
    public static final String ORGANISATION = "organisation";
    public static final String BIO = "bio";
    public static final String ACCOUNT_EMAIL = "accountEmail";
}
