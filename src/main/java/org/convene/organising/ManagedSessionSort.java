package org.convene.organising;

/** The orders the programme management list can be sorted in; each ends with the start time and id. */
public enum ManagedSessionSort {
    START, TITLE, TRACK, HOST
}
