package org.convene.core.database;

/** Neither SPRING_DATASOURCE_URL nor the dev profile was given; {@link NoDatabaseConfiguredFailureAnalyzer} explains. */
public class NoDatabaseConfiguredException extends IllegalStateException {

    static final String DESCRIPTION = "Convene has no database to use: SPRING_DATASOURCE_URL is not set, and the "
            + "embedded development database only runs with the dev profile.";
    static final String ACTION = """
            For a real deployment, set SPRING_DATASOURCE_URL (and SPRING_DATASOURCE_USERNAME, \
            SPRING_DATASOURCE_PASSWORD) to your PostgreSQL, for example \
            SPRING_DATASOURCE_URL=jdbc:postgresql://db.example.org:5432/convene (see docs/deploy.md).
            To try Convene on this machine with its own PostgreSQL and the demo accounts, pass \
            --spring.profiles.active=dev (mvn spring-boot:run does this for you).""";

    public NoDatabaseConfiguredException() {
        super(DESCRIPTION + " Set SPRING_DATASOURCE_URL or pass --spring.profiles.active=dev.");
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        return message == null ? DESCRIPTION : message;
    }
}
