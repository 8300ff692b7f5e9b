using Passport.Application.Privacy;
using Passport.Data.Pathways;

namespace Passport.Application.Pathways;

/// <summary>
/// The questions a person asked the providers of learning paths. Their rows cascade with the account; the consent
/// given with each is in the consent section.
/// </summary>
internal sealed class PathwayQuestionsDataSection(PathwayQuestionRepository questions) : IPersonalDataSection
{
    public string Name => "pathwayQuestions";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken) =>
        (await questions.ListOfUserAsync(userId, cancellationToken))
            .Select(row => new { row.PathwayId, row.OrganisationId, row.Question, row.ConsentId, row.AskedAt });

    public Task EraseAsync(Guid userId, CancellationToken cancellationToken) => Task.CompletedTask;
}
