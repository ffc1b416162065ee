"""A phone-like photo made on the spot, for the tests and the image benchmark
(a 5 MB JPEG is no file for git):
4032 x 3024, with the camera's EXIF and a GPS position, as phones write them."""

from PIL import Image, ImageDraw

GPS_IFD = 0x8825


def phone_photo(path, size=(4032, 3024), quality=96):
    """Write a detailed JPEG with EXIF (maker, model) and GPS data to `path`."""
    width, height = size
    photo = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(photo)
    for index in range(60):  # shapes: edges and colours, as in a real scene
        x, y = (index * 997) % width, (index * 631) % height
        colour = ((index * 40) % 256, (index * 90) % 256, (index * 150) % 256)
        draw.ellipse((x, y, x + width // 6, y + height // 7), fill=colour)
    noise = Image.effect_noise(size, 24).convert("RGB")
    photo = Image.blend(photo, noise, 0.45)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 15"
    exif[GPS_IFD] = {1: "N", 2: (32.0, 42.0, 54.0), 3: "W", 4: (117.0, 9.0, 42.0)}
    photo.save(path, "JPEG", quality=quality, exif=exif)
    return path
