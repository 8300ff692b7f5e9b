using QRCoder;

namespace Passport.Web.Sharing;

/// <summary>Where a share link opens on this site, and its QR code.</summary>
public static class ShareLinkAddresses
{
    /// <summary>The route of the public page; the API answers under <c>/api</c> + this.</summary>
    public const string PublicPath = "/shared";

    /// <summary>The absolute address of the public page for a token, on the host the owner used.</summary>
    public static string PublicUrl(HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}{PublicPath}/{token}";
    }

    /// <summary>The QR code of <paramref name="url"/> as SVG markup, scaled by its viewBox.</summary>
    public static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var code = new SvgQRCode(data);
        return code.GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
