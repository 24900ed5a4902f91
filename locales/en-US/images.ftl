## Command options.
imagine-image-description = An image to start from (JPEG, PNG, BMP or WebP; 384 to 5000 px a side, 10 MB)
imagine-image2-description = A second image to start from

## Buttons and the Remix form.
button-vary = Vary { $index }
button-remix = Remix
remix-form-title = Remix
remix-form-prompt = Prompt
remix-form-count = Images (1 to 4)
remix-form-image = Start from image 1 to { $count } (empty: none)

## The job's description when it starts from images.
job-size-from-image = from an image

## Invalid options with an image.
invalid-size-with-image = cannot be used with an image: results take the size the model makes from it.
invalid-prompt-extend-with-image = cannot be used with an image: the image model does not extend prompts.

## A refused image: which one, what is wrong, what is allowed.
input-refused =
    ❌ Image { $position } cannot be used: { $problem }
    Nothing was generated and no quota was used.
input-not-an-image = it is not an image the bot can read. Allowed: { $allowed }.
input-too-large = it is larger than 10 MB; at most { $maximum } bytes are allowed.
input-side-out-of-range = it is { $width }×{ $height } pixels; each side must be { $minimum } to { $maximum } pixels.
input-unsupported-format = its format is { $format }. Allowed: { $allowed }.
input-transparent = it has transparency (an alpha channel), which the image service does not take. Save it without transparency (for example as JPEG) and try again.
input-not-from-discord = it is not an upload on Discord; only images attached on Discord can be used.
input-unreachable = it could not be downloaded from Discord. Please upload it again.
input-feature-off = starting from an image is switched off on this bot (the operator's choice, or the image service does not allow it for this bot's key). Text prompts still work.
input-no-such-image = this result has { $count ->
        [one] { $count } image
       *[other] { $count } images
    }; pick one of them.

## Why a job failed.
failure-model-denied = The image service does not allow this bot to start from images (its key has no access to that model), so starting from an image is now switched off until the bot's operator turns it back on.
failure-input-unavailable = The image you started from could no longer be reached on Discord (its link expired and could not be renewed). Please upload it again.
problem-input-unavailable = an input image's link expired and Discord did not renew it

## The audit log.
audit-inputs = from { $count ->
        [one] an image
       *[other] { $count } images
    }: { $links }
audit-refused-input = image { $position }: { $problem }
