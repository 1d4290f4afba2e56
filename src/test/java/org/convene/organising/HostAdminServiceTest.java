package org.convene.organising;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.SaveResult;
import org.convene.core.security.Role;
import org.convene.programme.WebAddresses;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.SaveResults.problems;
import static org.convene.core.SaveResults.saved;
import static org.convene.db.Tables.HOST_ORGANISATION;

/** Organisers' management of host organisations; who may call it is in ConferenceAdminServiceTest. */
@IntegrationTest
class HostAdminServiceTest {

    @Autowired
    HostAdminService hostAdmin;
    @Autowired
    TestData data;
    @Autowired
    DSLContext db;

    final List<Long> hosts = new ArrayList<>();

    @BeforeEach
    void setUp() {
        AccountFixtures.actAs(data.user(Role.ORGANISER));
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        db.deleteFrom(HOST_ORGANISATION).where(HOST_ORGANISATION.ID.in(hosts)).execute();
    }

    @Test
    void host_names_are_unique_whatever_their_case_and_websites_must_be_web_addresses() {
        String name = TestData.unique("Carers Together");
        HostEdit host = saved(hostAdmin.createHost(new HostForm(name, "https://carers.example.org", "A charity")));
        hosts.add(host.id());

        var duplicate = hostAdmin.createHost(new HostForm(name.toUpperCase(), "ftp://carers.example.org", null));

        assertThat(problems(duplicate)).containsExactly(
                java.util.Map.entry(HostForm.NAME, "There is already a host organisation called \u201c"
                        + name.toUpperCase() + "\u201d. Open it from the list instead, or use a different name"),
                java.util.Map.entry(HostForm.WEBSITE, "Enter a website address that starts with https:// or "
                        + "http://, like https://www.example.org"));
        assertThat(hostAdmin.hosts(name, 0, 10)).extracting(HostRow::name).containsExactly(name);
        assertThat(hostAdmin.countHosts(name.toLowerCase())).isEqualTo(1);
    }

    @Test
    void a_host_website_follows_the_same_web_address_rule_as_joining_links() {
        for (String website : java.util.List.of("HTTPS://carers.example.org", "https://carers", "ftp://carers.example.org")) {
            assertThat(problems(hostAdmin.createHost(new HostForm(TestData.unique("Carers"), website, null))))
                    .as(website).containsOnlyKeys(HostForm.WEBSITE);
            assertThat(WebAddresses.isValid(website)).as(website).isFalse();
        }
        String longButValid = "https://carers.example.org/" + "a".repeat(600);
        HostEdit host = saved(hostAdmin.createHost(new HostForm(TestData.unique("Carers"), longButValid, null)));
        hosts.add(host.id());
        assertThat(host.website()).isEqualTo(longButValid);
    }

    @Test
    void a_host_edited_from_a_stale_version_is_a_conflict() {
        HostEdit host = saved(hostAdmin.createHost(new HostForm(TestData.unique("Host"), null, null)));
        hosts.add(host.id());
        HostEdit changed = saved(hostAdmin.updateHost(host.id(), host.version(), new HostForm(host.name(),
                "https://example.org", "Changed")));
        assertThat(changed.version()).isEqualTo(1);

        assertThat(hostAdmin.updateHost(host.id(), host.version(), new HostForm(host.name(), null, "Lost")))
                .isInstanceOf(SaveResult.Conflict.class);
        assertThat(hostAdmin.host(host.id()).orElseThrow().description()).isEqualTo("Changed");
    }

    @Test
    void renaming_a_host_to_another_hosts_name_is_refused() {
        HostEdit a = saved(hostAdmin.createHost(new HostForm(TestData.unique("Host A"), null, null)));
        HostEdit b = saved(hostAdmin.createHost(new HostForm(TestData.unique("Host B"), null, null)));
        hosts.add(a.id());
        hosts.add(b.id());

        assertThat(problems(hostAdmin.updateHost(b.id(), b.version(), new HostForm(a.name(), null, null))))
                .containsKey(HostForm.NAME);
    }

    @Test
    void a_nul_or_control_character_in_a_host_is_a_problem_on_its_field() {
        var result = hostAdmin.createHost(new HostForm(TestData.unique("Carers") + "\u0000", "https://carers.example.org/\u0000",
                "A charity\u0085"));

        assertThat(problems(result)).containsExactly(
                java.util.Map.entry(HostForm.NAME, "The name contains a character that cannot be stored (a control character). Remove it and try again."),
                java.util.Map.entry(HostForm.WEBSITE, "Enter a website address that starts with https:// or "
                        + "http://, like https://www.example.org"),
                java.util.Map.entry(HostForm.DESCRIPTION, "The description contains a character that cannot be stored (a control character). Remove it and try again."));
    }
}
