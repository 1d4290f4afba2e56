package org.convene.programme.ui;

import com.vaadin.flow.component.Component;

import java.util.Map;

/** A record's details as form fields: read as the form the service takes, keyed as it names its problems. */
public interface AdminFields<F> {

    Map<String, Component> fields();

    F read();
}
