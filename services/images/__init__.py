"""Result images: downloaded from public addresses with a byte cap, checked and fitted under the upload
limit by Pillow."""
