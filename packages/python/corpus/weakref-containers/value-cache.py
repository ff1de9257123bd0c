# An image cache with WeakValueDictionary: entries live exactly as long as some user holds the image.
import weakref

class Image:
    loads = 0
    def __init__(self, path):
        Image.loads += 1
        self.path = path
        self.pixels = [0] * 16
    def __repr__(self):
        return "Image(" + repr(self.path) + ")"

class ImageCache:
    def __init__(self):
        self._images = weakref.WeakValueDictionary()
    def get(self, path):
        image = self._images.get(path)
        if image is None:
            image = Image(path)
            self._images[path] = image
        return image
    def cached(self):
        return sorted(self._images.keys())

cache = ImageCache()
logo = cache.get("logo.png")
icon = cache.get("icon.png")
again = cache.get("logo.png")
print(again is logo, Image.loads, cache.cached())
del again
print(cache.cached())
del logo
print(cache.cached(), Image.loads)
logo = cache.get("logo.png")
print(Image.loads, len(cache._images))
sprites = [cache.get("sprite%d.png" % i) for i in range(3)]
print(cache.cached())
sprites.pop()
print(cache.cached())
sprites.clear()
print(cache.cached())
del icon, logo
print(cache.cached(), len(cache._images))
