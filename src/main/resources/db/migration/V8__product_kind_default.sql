-- A product list without a kind column (most shops' exports) stores its products as 'other', as order files do.
ALTER TABLE product ALTER COLUMN kind SET DEFAULT 'other';
