package org.convene.programme;

/** The organisation hosting a session; website and description may be null. */
public record SessionHost(long id, String name, String website, String description) {
}
