package org.convene.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/** The frab/c3voc schemas (test resources, EUPL 1.2) and the pretalx example, for validating in tests. */
public final class ScheduleFiles {

    private ScheduleFiles() {
    }

    public static String resource(String name) {
        try (InputStream in = ScheduleFiles.class.getResourceAsStream("/schedule/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /schedule/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pretalxExample() {
        return resource("pretalx-democon.json");
    }

    /** Throws with the validator's message when the XML breaks schedule.xml.xsd. */
    public static void assertValidXml(String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(new StreamSource(new StringReader(resource("schedule.xml.xsd"))));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    /** The schema's complaints about a JSON document; empty when it is valid. */
    public static Set<String> jsonSchemaErrors(String json) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6);
        JsonSchema schema = factory.getSchema(resource("schema.json"));
        Set<ValidationMessage> messages = schema.validate(new ObjectMapper().readTree(json));
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }
}
