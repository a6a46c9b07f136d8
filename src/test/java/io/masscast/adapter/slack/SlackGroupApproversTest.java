package io.masscast.adapter.slack;

import static io.masscast.adapter.slack.SlackTestBed.ADMIN;
import static io.masscast.adapter.slack.SlackTestBed.ALICE;
import static io.masscast.adapter.slack.SlackTestBed.BOT_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.masscast.core.model.CampaignState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Slack user group as the channel's approvers: Slack's payloads don't say who is in which group, so the
 * adapter reads the group's members ({@code usergroups.users.list}) and a member's click approves while anyone
 * else's is refused.
 */
class SlackGroupApproversTest {
    private static final String GROUP = "S0PPVTEAM";
    private static final String DAVE = "UDAVE";
    private static final String ERIN = "UERIN";

    private SlackTestBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start();
        bed.bindChannel();
        bed.slack.userGroup(GROUP, "UOTHER", DAVE);
        SlackTestBed.Sent policy = bed.slash(ADMIN, "policy approvers=<!subteam^" + GROUP + "|@ppv-team>");
        assertThat(answerText(policy)).contains("Approvers: <!subteam^" + GROUP + ">");
        SlackTestBed.Sent composed =
                bed.slash(ALICE, "new text=\"New set\" lists=VIP media=48213377,99 preview=1 price=12.50");
        assertThat(answerText(composed)).contains("MC-1 is waiting for approval");
        bed.showCard(1);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void aMemberOfTheApproverGroupApprovesAndSomeoneOutsideItIsRefused() {
        JsonObject approve = BlockKitJson.buttons(bed.slack
                        .calls("chat.postMessage")
                        .get(0)
                        .jsonParam("blocks")
                        .getAsJsonArray())
                .get("Approve");

        SlackTestBed.Sent outsider = bed.click(
                ERIN,
                approve.get("action_id").getAsString(),
                approve.get("value").getAsString());

        assertThat(bed.slack.awaitResponse(outsider.responseUrl()).param("text"))
                .contains("You are not an approver");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.PENDING_APPROVAL);

        SlackTestBed.Sent member = bed.click(
                DAVE,
                approve.get("action_id").getAsString(),
                approve.get("value").getAsString());

        assertThat(bed.slack.awaitResponse(member.responseUrl()).param("text")).contains("You approved MC-1");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.APPROVED);
        assertThat(bed.slack.calls("usergroups.users.list"))
                .as("members are kept for a few minutes, not read per click")
                .singleElement()
                .satisfies(call -> {
                    assertThat(call.param("usergroup")).isEqualTo(GROUP);
                    assertThat(call.token()).contains(BOT_TOKEN);
                });
    }

    @Test
    void aGroupSlackDoesNotAnswerForApprovesNobody() {
        SlackTestBed.Sent rebound = bed.slash(ADMIN, "policy approvers=<!subteam^S0GONE|@gone>");
        assertThat(answerText(rebound)).contains("Approvers: <!subteam^S0GONE>");

        SlackTestBed.Sent typed = bed.slash(DAVE, "approve MC-1");

        assertThat(answerText(typed)).contains("You are not an approver");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.PENDING_APPROVAL);
    }

    private static String answerText(SlackTestBed.Sent sent) {
        assertThat(sent.status()).isEqualTo(200);
        return JsonParser.parseString(sent.body()).getAsJsonObject().get("text").getAsString();
    }
}
