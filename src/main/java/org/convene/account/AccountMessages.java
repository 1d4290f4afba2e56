package org.convene.account;

import org.convene.mail.MailContent;

/**
 * The words of the account messages. Short sentences, one large link, and why the message came. None of these
 * can be turned off (they are about the account itself), so none has an unsubscribe link.
 */
final class AccountMessages {

    private static final String NOT_YOU = "If you did not ask for this, you can ignore this email. Nothing changes "
            + "unless someone opens the link.";

    private AccountMessages() {
    }

    static MailContent confirmAddress(String name, String link) {
        return MailContent.builder("Confirm your email address for Convene")
                .heading("Hello " + name + ", please confirm your email address")
                .paragraph("You made an account on Convene with this email address. Open the link below to show "
                        + "that the address is yours.")
                .action("Confirm my email address", link)
                .paragraph("The link works once, for " + AccountLink.inWords(AccountLink.Kind.CONFIRM_ADDRESS.validFor())
                        + ". If it has stopped working, log in and choose \u201cSend the link again\u201d on your "
                        + "account page.")
                .paragraph(NOT_YOU)
                .why("You got this email because someone made a Convene account with this address.")
                .build();
    }

    static MailContent resetPassword(String name, String link, boolean askedByOrganiser) {
        return MailContent.builder("Choose a new password for Convene")
                .heading("Hello " + name + ", you can choose a new password")
                .paragraph(askedByOrganiser
                        ? "An organiser of the event sent you this link, so you can choose a new password."
                        : "Someone asked to choose a new password for your Convene account. We hope it was you.")
                .action("Choose a new password", link)
                .paragraph("The link works once, for " + AccountLink.inWords(AccountLink.Kind.RESET_PASSWORD.validFor())
                        + ". After that, ask for a new link on the log-in page: choose \u201cForgotten your "
                        + "password?\u201d.")
                .paragraph(NOT_YOU + " Your password stays the same.")
                .why(askedByOrganiser
                        ? "You got this email because an organiser sent you a link to choose a new password."
                        : "You got this email because someone asked for a new password for the Convene account "
                                + "with this address.")
                .build();
    }

    static MailContent confirmNewAddress(String name, String newEmail, String link) {
        return MailContent.builder("Confirm your new email address for Convene")
                .heading("Hello " + name + ", please confirm your new email address")
                .paragraph("You asked to use " + newEmail + " for your Convene account. Open the link below to "
                        + "make the change. Until you do, your account keeps its old address.")
                .action("Use this email address", link)
                .paragraph("The link works once, for " + AccountLink.inWords(AccountLink.Kind.CHANGE_ADDRESS.validFor())
                        + ".")
                .paragraph(NOT_YOU)
                .why("You got this email because someone asked to move a Convene account to this address.")
                .build();
    }

    static MailContent addressChangeAsked(String name, String newEmail) {
        return MailContent.builder("Someone asked to change your Convene email address")
                .heading("Hello " + name + ", someone asked to change your email address")
                .paragraph("Someone logged in to your Convene account and asked to use " + newEmail
                        + " instead of this address. The change only happens if the link we sent to the new "
                        + "address is opened.")
                .paragraph("If this was you, you do not need to do anything here.")
                .paragraph("If it was not you, someone may know your password. Log in and change your password "
                        + "now. If you cannot log in, use \u201cForgotten your password?\u201d on the log-in "
                        + "page, and tell the organisers.")
                .why("You got this email because it is the address of your Convene account, and we tell you "
                        + "about every change to it.")
                .build();
    }
}
