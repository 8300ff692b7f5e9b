using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;
using Passport.Data.Database;
using Passport.Domain.Validation;
using Passport.Web.Localization;

namespace Passport.Web.Hosting;

/// <summary>That a list route pages its answer, its default page size and the largest it gives.</summary>
public sealed record PagingMetadata(int DefaultPageSize, int MaxPageSize);

/// <summary>
/// The page a list route was asked for: <c>?page=</c> (from 1) and <c>?pageSize=</c> (1 to the route's maximum).
/// Every list route takes one and is mapped with <see cref="ListPaging.WithPaging"/>, which answers a page out of
/// range with a 400 validation problem before the route runs. The answer stays a JSON array; a
/// <c>Link</c> header (RFC 8288) names the next and previous pages.
/// </summary>
public sealed class ListPage
{
    public const string PageParameter = "page";
    public const string SizeParameter = "pageSize";

    private readonly HttpContext _context;
    private readonly PageRequest? _request;

    private ListPage(HttpContext context, PageRequest? request, ValidationErrors errors)
    {
        _context = context;
        _request = request;
        Errors = errors;
    }

    /// <summary>What was wrong with the page asked for; empty when it is usable.</summary>
    public ValidationErrors Errors { get; }

    /// <summary>The rows to read; only reached once <see cref="ListPaging.WithPaging"/> let the request through.</summary>
    public PageRequest Request => _request ?? throw new InvalidOperationException("The page was not valid; map the route WithPaging().");

    /// <summary>Binds the query of a route mapped <see cref="ListPaging.WithPaging"/>; out-of-range values become <see cref="Errors"/>.</summary>
    public static ValueTask<ListPage?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var paging = context.GetEndpoint()?.Metadata.GetMetadata<PagingMetadata>()
            ?? throw new InvalidOperationException($"{context.Request.Path} takes a {nameof(ListPage)} but was not mapped WithPaging().");
        var errors = new ValidationErrors();
        var page = Read(context.Request.Query[PageParameter], 1, PageRequest.MaxPage, PageParameter, "Paging.Page", errors);
        var size = Read(context.Request.Query[SizeParameter], paging.DefaultPageSize, paging.MaxPageSize, SizeParameter, "Paging.PageSize", errors);
        var request = errors.IsValid ? new PageRequest(page, size) : null;
        return ValueTask.FromResult<ListPage?>(new ListPage(context, request, errors));
    }

    /// <summary>The page of <paramref name="rows"/> (read with <see cref="PageRequest.Limit"/>), with the links to its neighbours.</summary>
    public Ok<T[]> Ok<T>(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var request = Request;
        var items = rows.Take(request.Limit).ToArray();
        var links = new List<string>();
        if (items.Length > request.PageSize)
        {
            links.Add(Link(request.Page + 1, request.PageSize, "next"));
            items = items[..request.PageSize];
        }

        if (request.Page > 1)
        {
            links.Add(Link(request.Page - 1, request.PageSize, "prev"));
        }

        if (links.Count > 0)
        {
            _context.Response.Headers.Link = string.Join(", ", links);
        }

        return TypedResults.Ok(items);
    }

    private string Link(int page, int pageSize, string relation)
    {
        var query = QueryHelpers.ParseQuery(_context.Request.QueryString.Value);
        query[PageParameter] = page.ToString(CultureInfo.InvariantCulture);
        query[SizeParameter] = pageSize.ToString(CultureInfo.InvariantCulture);
        var target = QueryHelpers.AddQueryString(
            $"{_context.Request.PathBase}{_context.Request.Path}",
            query.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value))));
        return $"<{target}>; rel=\"{relation}\"";
    }

    private static int Read(StringValues values, int fallback, int max, string field, string code, ValidationErrors errors)
    {
        if (StringValues.IsNullOrEmpty(values))
        {
            return fallback;
        }

        if (values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max)
        {
            return value;
        }

        errors.Add(field, code, max);
        return fallback;
    }
}

public static class ListPaging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    /// <summary>
    /// Marks a list route as paged: its <see cref="ListPage"/> parameter is checked before it runs (400 validation
    /// problem, in the caller's language, for a page or page size out of range), and the OpenAPI document names both.
    /// </summary>
    public static RouteHandlerBuilder WithPaging(this RouteHandlerBuilder builder, int maxPageSize = MaxPageSize, int defaultPageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(defaultPageSize, maxPageSize);
        return builder
            .WithMetadata(new PagingMetadata(defaultPageSize, maxPageSize))
            .AddEndpointFilter(async (context, next) =>
            {
                var page = context.Arguments.OfType<ListPage>().Single();
                return page.Errors.IsValid
                    ? await next(context)
                    : context.HttpContext.RequestServices.GetRequiredService<ValidationMessages>().Problem(page.Errors);
            })
            .ProducesValidationProblem()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(QueryParameter(ListPage.PageParameter, "The page, from 1."));
                operation.Parameters.Add(QueryParameter(
                    ListPage.SizeParameter,
                    string.Create(CultureInfo.InvariantCulture, $"Items per page, 1 to {maxPageSize} (default {defaultPageSize}).")));
                return Task.CompletedTask;
            });
    }

    private static OpenApiParameter QueryParameter(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
    };
}
