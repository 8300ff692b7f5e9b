using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Appointments;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// Appointments in a real browser at 320 px: the young person's overview with its answers and calendar address, and
/// the coach's booking form, both checked with axe.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class AppointmentPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task MyAppointments_PersonConfirmsAsksForAnotherTimeAndSubscribes()
    {
        var (owner, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var coach = await Staff.NewAsync(_app, OrganisationKind.Municipality);
        Guid id;
        using (owner)
        {
            var personId = (await owner.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
            (await owner.PostAsJsonAsync("/api/me/consents", new { audience = new { organisationId = coach.OrganisationId }, categories = new[] { "plan" }, purpose = "My plan" }))
                .EnsureSuccessStatusCode();
            var startsAt = DateTimeOffset.UtcNow.AddDays(2);
            using var booked = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/appointments", new
            {
                startsAt,
                endsAt = startsAt.AddHours(1),
                kind = "video",
                location = "https://meet.example.org/plan-talk",
                topic = "Talk about your plan",
                bring = "Your CV",
            });
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            id = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, email, Hosting.Accounts.Password);
        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "My appointments" }).ClickAsync();
        await page.WaitForURLAsync("**/appointments");
        var item = page.Locator($"details.appointment[data-appointment='{id}']");
        await Assertions.Expect(item.Locator("summary")).ToContainTextAsync("Talk about your plan");
        await Assertions.Expect(item.Locator("summary")).ToContainTextAsync("Waiting for your answer");
        await AssertAccessibleAtBothWidthsAsync(page);

        // Opened by keyboard, as a disclosure.
        await item.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(item).ToContainTextAsync("Your CV");
        await Assertions.Expect(item.GetByRole(AriaRole.Link, new() { Name = "https://meet.example.org/plan-talk" })).ToBeVisibleAsync();
        await AssertAccessibleAtBothWidthsAsync(page);
        var ics = await page.APIRequest.GetAsync($"/appointments/{id}.ics");
        Assert.Equal(200, ics.Status);
        var calendarEvent = Assert.Single(StrictICalendar.Parse(await ics.TextAsync()));
        Assert.Equal("Talk about your plan", calendarEvent["SUMMARY"]);

        await item.GetByRole(AriaRole.Button, new() { Name = "Yes, I will come – Talk about your plan" }).ClickAsync();
        await page.WaitForURLAsync("**/appointments?done=confirmed");
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Thank you. They know you will come.");
        await Assertions.Expect(page.Locator($"details.appointment[data-appointment='{id}'] summary")).ToContainTextAsync("Confirmed");

        await page.Locator($"details.appointment[data-appointment='{id}'] summary").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ask for another time – Talk about your plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#answer-heading")).ToHaveTextAsync("Ask for another time");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Write which times suit you.");
        await AssertAccessibleAtBothWidthsAsync(page);
        await page.Locator("#message").FillAsync("Tuesday after 13:00 suits me.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await page.WaitForURLAsync("**/appointments?done=rescheduled");
        await Assertions.Expect(page.Locator($"details.appointment[data-appointment='{id}'] summary")).ToContainTextAsync("Asked for another time");

        await page.GetByRole(AriaRole.Button, new() { Name = "Make my calendar address" }).ClickAsync();
        await page.WaitForURLAsync("**/appointments?done=feed-new*");
        var url = await page.Locator("#feed-url").InputValueAsync();
        Assert.Contains("/calendar/", url, StringComparison.Ordinal);
        await AssertAccessibleAtBothWidthsAsync(page);
        using var anonymous = _app.CreateClient();
        using (var feed = await anonymous.GetAsync(new Uri(url).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            Assert.Single(StrictICalendar.Parse(await feed.Content.ReadAsStringAsync()));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop the address" }).ClickAsync();
        await page.WaitForURLAsync("**/appointments?done=feed-stopped*");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Make my calendar address" })).ToBeVisibleAsync();
        using var stopped = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, stopped.StatusCode);
    }

    [Fact]
    public async Task PersonAppointments_CoachBooksByKeyboardRefusedWhenEndingEarlyThenMovesIt()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(_app);
        using var coach = await Staff.NewAsync(_app, OrganisationKind.Municipality);
        using var otherCoach = await Staff.NewAsync(_app, OrganisationKind.Municipality);
        using (owner)
        {
            (await owner.PostAsJsonAsync("/api/me/consents", new { audience = new { organisationId = coach.OrganisationId }, categories = new[] { "plan", "contact" }, purpose = "My plan" }))
                .EnsureSuccessStatusCode();
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone).DateTime).AddDays(3);
            var page = await SignedInAsync(_app, browser, coach.Email);
            await page.GotoAsync($"/people/{personId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Appointments" }).ClickAsync();
            await page.WaitForURLAsync($"**/people/{personId}/appointments");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Appointments");
            await AssertAccessibleAtBothWidthsAsync(page);

            await page.Locator("#day").FillAsync(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#startsAt").FillAsync("10:00");
            await page.Locator("#endsAt").FillAsync("09:30");
            await page.Locator("#location").FocusAsync();
            await page.Keyboard.TypeAsync("Town hall, room 2");
            await page.Locator("#topic").FocusAsync();
            await page.Keyboard.TypeAsync("Your plan for January");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("The end must be after the start.");
            await AssertAccessibleAtBothWidthsAsync(page);
            Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/me/appointments")).EnumerateArray());

            await page.Locator("#endsAt").FillAsync("11:00");
            await page.Locator("#bring").FocusAsync();
            await page.Keyboard.TypeAsync("Your ID card");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/appointments?done=booked");
            var booked = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/appointments")).EnumerateArray());
            var local = day.ToDateTime(new TimeOnly(10, 0));
            Assert.Equal(new DateTimeOffset(local, Zone.GetUtcOffset(local)), booked.GetProperty("startsAt").GetDateTimeOffset());
            var id = booked.GetProperty("id").GetGuid();
            var item = page.Locator($"details.appointment[data-appointment='{id}']");
            await Assertions.Expect(item.Locator("summary")).ToContainTextAsync("Your plan for January");
            await item.Locator("summary").ClickAsync();
            await AssertAccessibleAtBothWidthsAsync(page);

            await item.GetByRole(AriaRole.Link, new() { Name = "Move – Your plan for January" }).ClickAsync();
            await Assertions.Expect(page.Locator("#startsAt")).ToHaveValueAsync("10:00");
            await page.Locator("#startsAt").FillAsync("13:00");
            await page.Locator("#endsAt").FillAsync("13:45");
            await page.GetByRole(AriaRole.Button, new() { Name = "Move the appointment" }).ClickAsync();
            await page.WaitForURLAsync("**/appointments?done=moved");
            var moved = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/appointments")).EnumerateArray());
            Assert.Equal(2, moved.GetProperty("version").GetInt32());
            Assert.Equal(13, TimeZoneInfo.ConvertTime(moved.GetProperty("startsAt").GetDateTimeOffset(), Zone).Hour);

            var other = await SignedInAsync(_app, browser, otherCoach.Email);
            await other.GotoAsync($"/people/{personId}/appointments");
            await Assertions.Expect(other.Locator("#not-found")).ToBeVisibleAsync();
            Assert.Equal(0, await other.Locator("form").Filter(new() { Has = other.Locator("#topic") }).CountAsync());
        }
    }
}
